"""The plan's body: its section tree, list labels, quantitative targets and body task lists."""
