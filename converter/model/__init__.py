"""The parsed model: lines and spans (text), blocks, documents, output nodes, and the parse context."""
