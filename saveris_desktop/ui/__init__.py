"""Qt widgets: render state, forward intents. The only layer (with app.py) that imports PySide6."""
