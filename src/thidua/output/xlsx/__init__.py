"""Excel workbooks written with XlsxWriter: the scoring sheet a clerk sends out, and reports."""
