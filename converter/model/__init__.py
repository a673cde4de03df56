"""The parsed model: lines and spans (text), blocks, documents, output nodes, and the parse context.

Most dataclasses of gongwen are made with eq=False, repr=False: nothing compares or prints
them (the whole test suite, run with every generated __eq__, __hash__ and __repr__ counted,
calls none of them), and each generated method is Python source that dataclasses compiles
at import, a tenth of a millisecond or more apiece: some 15 ms of every start. Compared
with eq=False an object equals only itself (no field of theirs was ever compared). The
classes that are compared keep their methods: Line, Span, Removed (text.py), Author
(document.py) and the speech head (forms/speech/head.py); so do the results of the public
API (validation.Problem, validation.Checked, pipeline.Result).
"""
