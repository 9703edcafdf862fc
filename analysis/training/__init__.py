"""Training scripts for the shipped models (run by hand, never by the app or `make test`)."""
