"""What every part of the app runs on: the services it is given (cloud access, tasks, signals),
the data folder and its files, logging, the single-instance lock and the credentials."""
