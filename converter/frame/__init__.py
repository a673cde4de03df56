"""The GB/T 9704 frame every official document shares: head.py (发文机关标志, 文号, 标题, 主送),
foot.py (署名 and 成文日期, 抄送, 印发), nodes.py (a document as nodes)."""
