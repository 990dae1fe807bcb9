"""nqpf-facts' pipeline: a plain, layered package.

numbers → yaml_files → model → loading → verify → pages / search / exports; above them
intake and drafting. hooks/nqpf_hooks.py adapts it to MkDocs.
"""
