"""The judge: runs untrusted submissions in a sandboxed process and grades them in the parent."""
