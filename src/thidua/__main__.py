from thidua.cli.app import main

main()
