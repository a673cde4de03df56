"""Render: the model → nodes (builder.py, by the functions forms and blocks register),
nodes → lxml elements (xml.py), and the archive root around them (archive.py)."""
