"""What every layer may use and that knows nothing of the others (the lowest layer, below api/)."""
