// A file the format check must reject (its own test, format_detects_unformatted).
int   main( ) { return 0 ; }
