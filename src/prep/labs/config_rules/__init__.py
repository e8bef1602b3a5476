"""The deployment-config rule engine: parsers per format and rules with ids and reasons.

`engine.evaluate(format, text, rule_ids)` parses a Dockerfile, Kubernetes manifests, a
GitHub Actions workflow, a .gitlab-ci.yml, a compose file or a Terraform file with a real
parser, and runs the declared rules over it. Each rule lives in its format's module and is
registered by id in `base.RULES`.
"""
