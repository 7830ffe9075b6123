"""Qt side of commissioning a whole site: the plan editor, the board and the commissioning report."""
