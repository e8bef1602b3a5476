"""Hands-on labs: each kind prepares a workspace and grades it into the judge's Judgement."""
