"""Plain functions over models: the rules, the ranking, rotation, the award ladder. No I/O, no translation."""
