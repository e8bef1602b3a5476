"""The Terraform rules one by one on small inline files, the HCL model, and Terraform labs
judged the way `prep submit` judges them (right, wrong and hostile answers).

A line ending in `# <-` (an HCL comment, so the file stays valid) is a line the rule must
report; a case without markers must pass. Every rule has a passing and a failing case.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from prep.content.catalog import Catalog
from prep.content.loader import load_catalog
from prep.judge.service import Judge
from prep.labs.config_kind import FORMAT_LIMITS, ConfigKind
from prep.labs.config_rules.base import PARSERS, RULES, ConfigError
from prep.labs.config_rules.engine import evaluate, unknown_rules
from prep.labs.config_rules.terraform import secret_name
from prep.labs.config_rules.terraform_model import Expr, parse_terraform
from prep.labs.content_check import judge_solution
from tests.conftest import REAL_CONTENT

MARK = "# <-"
BUCKET_LAB = "terraform-artefact-bucket"
NETWORK_LAB = "terraform-service-security-groups"


def _split(text: str) -> tuple[str, list[int]]:
    lines = textwrap.dedent(text).strip("\n").split("\n")
    marked = [n for n, line in enumerate(lines, 1) if line.rstrip().endswith(MARK)]
    return "\n".join(lines) + "\n", marked


def _found_lines(rule_id: str, text: str) -> list[int]:
    rule = RULES[rule_id]
    return sorted({f.line for f in rule.check(PARSERS[rule.format](text))})


GOOD = """\
terraform {
  required_version = ">= 1.10, < 2.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.80"
    }
  }

  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "orders-api.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
  }
}

provider "aws" {
  region = "eu-west-1"

  default_tags {
    tags = { Project = "orders-api" }
  }
}

variable "db_password" {
  type        = string
  description = "Master password of the database."
  sensitive   = true
}

resource "aws_s3_bucket" "artefacts" {
  bucket = "acme-orders-artefacts"
}

resource "aws_s3_bucket_public_access_block" "artefacts" {
  bucket                  = aws_s3_bucket.artefacts.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artefacts" {
  bucket = aws_s3_bucket.artefacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "aws:kms"
    }
  }
}

resource "aws_security_group" "web" {
  name = "web"

  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

output "database_password" {
  value     = var.db_password
  sensitive = true
}
"""


def _edit(old: str, new: str, text: str = GOOD) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def _add(extra: str) -> str:
    return GOOD + "\n" + textwrap.dedent(extra)


VERSION = '      version = "~> 5.80"\n'
AWS_ENTRY = '    aws = {\n      source  = "hashicorp/aws"\n'
PAB_FLAG = "  restrict_public_buckets = true\n"

PROVIDERS = [
    ("terraform.pinned-providers", "tilde major.minor", GOOD),
    ("terraform.pinned-providers", "range", _edit("~> 5.80", ">= 5.0, < 6.0")),
    ("terraform.pinned-providers", "exact", _edit("~> 5.80", "5.80.0")),
    ("terraform.pinned-providers", "built-in provider", _add('resource "terraform_data" "x" {}\n')),
    ("terraform.pinned-providers", "provider meta-argument", _add('resource "google_x" "y" { # <-\n  provider = google-beta\n}\n\nresource "aws_s3_bucket" "z" {\n  provider = aws.west\n}\n')),
    ("terraform.pinned-providers", "no version", _edit(AWS_ENTRY + VERSION, AWS_ENTRY.replace("{", "{ # <-"))),
    ("terraform.pinned-providers", "lower bound only", _edit("    aws = {\n", "    aws = { # <-\n", _edit("~> 5.80", ">= 5.0"))),
    ("terraform.pinned-providers", "tilde one number", _edit("    aws = {\n", "    aws = { # <-\n", _edit("~> 5.80", "~> 5"))),
    ("terraform.pinned-providers", "undeclared provider", _add('resource "random_password" "db" { # <-\n  length = 32\n}\n')),
    ("terraform.pinned-providers", "legacy string form", _edit(AWS_ENTRY + VERSION + "    }\n", '    aws = ">= 4" # <-\n')),
]  # fmt: skip

VERSIONS = [
    ("terraform.required-version", "set", GOOD),
    ("terraform.required-version", "missing", _edit('terraform {\n  required_version = ">= 1.10, < 2.0"\n', "terraform { # <-\n")),
    ("terraform.required-version", "no terraform block", 'provider "aws" { # <-\n  region = "eu-west-1"\n}\n'),
]  # fmt: skip

S3_LOCK = "    use_lockfile = true\n"
BACKENDS = [
    ("terraform.locked-backend", "s3 lock file", GOOD),
    ("terraform.locked-backend", "dynamodb table", _edit(S3_LOCK, '    dynamodb_table = "terraform-locks"\n')),
    ("terraform.locked-backend", "gcs locks itself", _edit('backend "s3" {\n', 'backend "gcs" {\n', _edit(S3_LOCK, ""))),
    ("terraform.locked-backend", "hcp terraform", _edit('  backend "s3" {', '  cloud {\n    organization = "acme"\n  }\n\n  backend "x" {')),
    ("terraform.locked-backend", "s3 without a lock", _edit('  backend "s3" {\n', '  backend "s3" { # <-\n', _edit(S3_LOCK, ""))),
    ("terraform.locked-backend", "lock file off", _edit('  backend "s3" {\n', '  backend "s3" { # <-\n', _edit(S3_LOCK, "    use_lockfile = false\n"))),
    ("terraform.locked-backend", "local", _edit('  backend "s3" {\n', '  backend "local" { # <-\n')),
    ("terraform.locked-backend", "no backend", _edit('  backend "s3" {\n    bucket       = "acme-terraform-state"\n    key          = "orders-api.tfstate"\n    region       = "eu-west-1"\n    use_lockfile = true\n  }\n', "", _edit("terraform {\n", "terraform { # <-\n"))),
]  # fmt: skip

PROVIDER_REGION = '  region = "eu-west-1"\n\n  default_tags'
SECRETS = [
    ("terraform.no-hardcoded-secrets", "variables and references", GOOD),
    ("terraform.no-hardcoded-secrets", "public key and key names", _add('resource "aws_key_pair" "ops" {\n  key_name   = "ops"\n  public_key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOps"\n}\n\nresource "aws_db_instance" "db" {\n  password = var.db_password\n  kms_key_id = "alias/rds"\n}\n\nlocals {\n  encryption_key = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd"\n}\n')),
    ("terraform.no-hardcoded-secrets", "escaped interpolation is text", _add('locals {\n  note = "$${not_a_reference}"\n}\n')),
    ("terraform.no-hardcoded-secrets", "provider keys", _edit(PROVIDER_REGION, '  region     = "eu-west-1"\n  access_key = "AKIAIOSFODNN7EXAMPLE" # <-\n  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY" # <-\n\n  default_tags')),
    ("terraform.no-hardcoded-secrets", "key id under any name", _add('locals {\n  ci_user = "AKIAIOSFODNN7EXAMPLE" # <-\n}\n')),
    ("terraform.no-hardcoded-secrets", "secret default", _edit("  sensitive   = true\n}\n", '  sensitive   = true\n  default     = "hunter2-hunter2" # <-\n}\n')),
    ("terraform.no-hardcoded-secrets", "nested object", _add('resource "aws_lambda_function" "worker" {\n  function_name = "worker"\n\n  environment {\n    variables = { DB_PASSWORD = "hunter2-hunter2", LOG_LEVEL = "info" } # <-\n  }\n}\n')),
    ("terraform.no-hardcoded-secrets", "password in a url", _add('locals {\n  database_url = "postgresql://orders:hunter2@db:5432/orders" # <-\n}\n')),
    ("terraform.no-hardcoded-secrets", "url with a reference", _add('locals {\n  database_url = "postgresql://orders:${var.db_password}@db:5432/orders"\n}\n')),
]  # fmt: skip

VARIABLES = [
    ("terraform.documented-variables", "documented", GOOD),
    ("terraform.documented-variables", "no description", _edit('  description = "Master password of the database."\n', "", _edit('variable "db_password" {', 'variable "db_password" { # <-'))),
    ("terraform.documented-variables", "nothing", _add('variable "region" {} # <-\n')),
]  # fmt: skip

SENSITIVE = [
    ("terraform.sensitive-values", "marked", GOOD),
    ("terraform.sensitive-values", "plain output", _add('output "bucket" {\n  value = aws_s3_bucket.artefacts.bucket\n}\n')),
    ("terraform.sensitive-values", "variable not marked", _edit("  sensitive   = true\n}\n", "}\n", _edit('variable "db_password" {', 'variable "db_password" { # <-'))),
    ("terraform.sensitive-values", "output not marked", _edit("  value     = var.db_password\n  sensitive = true\n", "  value     = var.db_password\n", _edit('output "database_password" {', 'output "database_password" { # <-'))),
    ("terraform.sensitive-values", "sensitive variable in a template", _add('variable "conn" {\n  type        = string\n  description = "x"\n  sensitive   = true\n}\n\noutput "url" { # <-\n  value = "postgresql://app:${urlencode(var.conn)}@db/app"\n}\n')),
    ("terraform.sensitive-values", "secret attribute", _add('output "ci_key" { # <-\n  value = aws_iam_access_key.ci.secret\n}\n')),
    ("terraform.sensitive-values", "secret data source", _add('output "db" { # <-\n  value = data.aws_secretsmanager_secret_version.db.secret_string\n}\n')),
    ("terraform.sensitive-values", "secret arn is not secret", _add('output "db_secret_arn" {\n  value = aws_secretsmanager_secret.db.arn\n}\n')),
]  # fmt: skip

TAGS = [
    ("terraform.default-tags", "default tags", GOOD),
    ("terraform.default-tags", "no aws at all", 'resource "random_id" "x" {\n  byte_length = 4\n}\n'),
    ("terraform.default-tags", "missing", _edit('\n  default_tags {\n    tags = { Project = "orders-api" }\n  }\n', "", _edit('provider "aws" {', 'provider "aws" { # <-'))),
    ("terraform.default-tags", "empty", _edit('    tags = { Project = "orders-api" }', "    tags = {} # <-")),
    ("terraform.default-tags", "aliased provider", _add('provider "aws" { # <-\n  alias  = "us"\n  region = "us-east-1"\n}\n')),
    ("terraform.default-tags", "implicit provider", 'resource "aws_sqs_queue" "jobs" { # <-\n  name = "jobs"\n}\n'),
]  # fmt: skip

PUBLIC = [
    ("terraform.s3-public-access-block", "all four", GOOD),
    ("terraform.s3-public-access-block", "by bucket name", _edit("  bucket                  = aws_s3_bucket.artefacts.id\n  block", '  bucket                  = "acme-orders-artefacts"\n  block')),
    ("terraform.s3-public-access-block", "account wide", _add('resource "aws_s3_bucket" "logs" {\n  bucket = "acme-logs"\n}\n\nresource "aws_s3_account_public_access_block" "all" {\n  block_public_acls       = true\n  block_public_policy     = true\n  ignore_public_acls      = true\n  restrict_public_buckets = true\n}\n')),
    ("terraform.s3-public-access-block", "one flag false", _edit(PAB_FLAG, "  restrict_public_buckets = false # <-\n")),
    ("terraform.s3-public-access-block", "flags unset", _edit(PAB_FLAG, "", _edit('resource "aws_s3_bucket_public_access_block" "artefacts" {', 'resource "aws_s3_bucket_public_access_block" "artefacts" { # <-'))),
    ("terraform.s3-public-access-block", "second bucket", _add('resource "aws_s3_bucket" "logs" { # <-\n  bucket = "acme-logs"\n}\n')),
]  # fmt: skip

ENCRYPTION = [
    ("terraform.s3-encryption", "configured", GOOD),
    ("terraform.s3-encryption", "inline block", _add('resource "aws_s3_bucket" "old" {\n  bucket = "acme-old"\n\n  server_side_encryption_configuration {\n    rule {\n      apply_server_side_encryption_by_default {\n        sse_algorithm = "AES256"\n      }\n    }\n  }\n}\n')),
    ("terraform.s3-encryption", "unknown algorithm", _edit('      sse_algorithm = "aws:kms"', '      sse_algorithm = "AES128" # <-')),
    ("terraform.s3-encryption", "no rule", _edit('  rule {\n    apply_server_side_encryption_by_default {\n      sse_algorithm = "aws:kms"\n    }\n  }\n', "", _edit('resource "aws_s3_bucket_server_side_encryption_configuration" "artefacts" {', 'resource "aws_s3_bucket_server_side_encryption_configuration" "artefacts" { # <-'))),
    ("terraform.s3-encryption", "missing", _add('resource "aws_s3_bucket" "logs" { # <-\n  bucket = "acme-logs"\n}\n')),
]  # fmt: skip

INGRESS = [
    ("terraform.restricted-ingress", "https from anywhere", GOOD),
    ("terraform.restricted-ingress", "other ports from a group", _add('resource "aws_vpc_security_group_ingress_rule" "api" {\n  security_group_id            = aws_security_group.api.id\n  referenced_security_group_id = aws_security_group.web.id\n  ip_protocol                  = "tcp"\n  from_port                    = 8000\n  to_port                      = 8000\n}\n\nresource "aws_security_group_rule" "egress" {\n  type        = "egress"\n  from_port   = 0\n  to_port     = 0\n  protocol    = "-1"\n  cidr_blocks = ["0.0.0.0/0"]\n}\n')),
    ("terraform.restricted-ingress", "ssh inline", _edit("  }\n}\n\noutput", '  }\n\n  ingress {\n    from_port   = 22\n    to_port     = 22\n    protocol    = "tcp"\n    cidr_blocks = ["10.0.0.0/8", "0.0.0.0/0"] # <-\n  }\n}\n\noutput')),
    ("terraform.restricted-ingress", "port range", _edit("    from_port   = 443\n", "    from_port   = 80\n", _edit('    cidr_blocks = ["0.0.0.0/0"]', '    cidr_blocks = ["0.0.0.0/0"] # <-'))),
    ("terraform.restricted-ingress", "every protocol", _add('resource "aws_security_group_rule" "all" {\n  type              = "ingress"\n  security_group_id = aws_security_group.web.id\n  from_port         = 0\n  to_port           = 0\n  protocol          = "-1"\n  cidr_blocks       = ["0.0.0.0/0"] # <-\n}\n')),
    ("terraform.restricted-ingress", "ipv6 database", _add('resource "aws_vpc_security_group_ingress_rule" "db" {\n  security_group_id = aws_security_group.web.id\n  cidr_ipv6         = "::/0" # <-\n  ip_protocol       = "tcp"\n  from_port         = 5432\n  to_port           = 5432\n}\n')),
    ("terraform.restricted-ingress", "ports from variables", _add('resource "aws_vpc_security_group_ingress_rule" "app" {\n  security_group_id = aws_security_group.web.id\n  cidr_ipv4         = "0.0.0.0/0" # <-\n  ip_protocol       = "tcp"\n  from_port         = var.port\n  to_port           = var.port\n}\n')),
]  # fmt: skip

CASES = PROVIDERS + VERSIONS + BACKENDS + SECRETS + VARIABLES + SENSITIVE + TAGS + PUBLIC + ENCRYPTION + INGRESS  # fmt: skip
TERRAFORM_RULES = {r for r in RULES if RULES[r].format == "terraform"}


@pytest.mark.parametrize(
    ("rule_id", "text"), [pytest.param(r, t, id=f"{r}: {name}") for r, name, t in CASES]
)
def test_rule_reports_exactly_the_marked_lines(rule_id: str, text: str) -> None:
    clean, expected = _split(text)
    assert _found_lines(rule_id, clean) == expected


def test_every_terraform_rule_has_a_passing_and_a_failing_case() -> None:
    assert {r for r, _, t in CASES if not _split(t)[1]} == TERRAFORM_RULES
    assert {r for r, _, t in CASES if _split(t)[1]} == TERRAFORM_RULES
    assert {r.split(".")[0] for r in TERRAFORM_RULES} == {"terraform"}
    assert len(TERRAFORM_RULES) == 10


def test_the_good_file_passes_every_rule() -> None:
    results = evaluate("terraform", GOOD, tuple(sorted(TERRAFORM_RULES)))
    assert [r.rule.id for r in results if not r.ok] == []


@pytest.mark.parametrize(
    ("rule_id", "text", "words"),
    [
        ("terraform.pinned-providers", _edit("~> 5.80", ">= 5.0"), "'>= 5.0' of provider aws has no upper bound"),
        ("terraform.locked-backend", _edit(S3_LOCK, ""), "s3 backend does not lock the state"),
        ("terraform.no-hardcoded-secrets", _edit("  sensitive   = true\n}\n", '  sensitive   = true\n  default     = "hunter2-hunter2"\n}\n'), "variable db_password has a secret as its default value"),
        ("terraform.sensitive-values", _edit("  value     = var.db_password\n  sensitive = true\n", "  value     = var.db_password\n"), "output database_password reads var.db_password, a secret, but is not marked sensitive"),
        ("terraform.restricted-ingress", GOOD.replace("= 443", "= 22"), "an ingress rule of aws_security_group.web opens port 22/tcp to the whole internet"),
    ],
)  # fmt: skip
def test_a_finding_says_what_is_wrong_and_how_to_fix_it(
    rule_id: str, text: str, words: str
) -> None:
    [result] = evaluate("terraform", text, (rule_id,))
    assert result.message is not None
    assert result.message.startswith(f"line {result.line}: ")
    assert words in result.message
    assert "; " in result.message  # problem; fix


def test_every_terraform_rule_explains_itself() -> None:
    for rule_id in TERRAFORM_RULES:
        rule = RULES[rule_id]
        assert len(rule.why) > 150, rule_id
        assert rule.summary and not rule.summary.endswith("."), rule_id
    assert unknown_rules("terraform", ("terraform.default-tags", "docker.healthcheck")) == [
        "docker.healthcheck"
    ]


# --- the HCL model --------------------------------------------------------------------------------


def test_blocks_and_arguments_keep_their_lines_and_values() -> None:
    config = parse_terraform(GOOD)
    lines = GOOD.splitlines()
    [bucket] = config.resources("aws_s3_bucket")
    assert bucket.address == "aws_s3_bucket.artefacts"
    assert bucket.line == lines.index('resource "aws_s3_bucket" "artefacts" {') + 1
    [group] = config.resources("aws_security_group")
    [ingress] = group.nested("ingress")
    assert ingress.line == lines.index("  ingress {") + 1
    assert ingress.value("from_port") == 443
    assert ingress.line_of("cidr_blocks") == lines.index('    cidr_blocks = ["0.0.0.0/0"]') + 1
    assert ingress.line_of("description") == ingress.line
    [pab] = config.resources("aws_s3_bucket_public_access_block")
    assert pab.value("block_public_acls") is True
    assert ("aws_s3_bucket", "artefacts", "id") in pab.arguments["bucket"].refs
    [provider] = config.of("provider")
    assert provider.nested("default_tags")[0].value("tags") == {"Project": "orders-api"}


def test_literals_and_expressions_are_told_apart() -> None:
    config = parse_terraform(
        "locals {\n"
        '  plain    = "a \\"quoted\\" word"\n'
        '  escaped  = "$${literal}"\n'
        '  template = "x-${var.env}"\n'
        "  ref      = var.env\n"
        "  heredoc  = <<-EOT\n    line one\n  EOT\n"
        '  object   = { "Key" = 1, other = null }\n'
        "}\n"
    )
    values = {name: a.value for name, a in config.of("locals")[0].arguments.items()}
    assert values["plain"] == 'a "quoted" word'
    assert values["escaped"] == "${literal}"
    assert isinstance(values["template"], Expr)
    assert values["ref"] == Expr("var.env")
    assert isinstance(values["heredoc"], str) and "line one" in values["heredoc"]
    assert values["object"] == {"Key": 1, "other": None}


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ('resource "aws_s3_bucket" "a" {\n  bucket =\n}\n', 2, "not valid HCL: unexpected line break"),
        ('terraform {\n  required_version = ">= 1.6"\n', 2, "ends inside an unclosed block"),
        ('locals {\n  a = [1, 2\n}\n', 3, "unexpected '}'"),
        ("locals {\n  a = @\n}\n", 2, "unexpected '@'"),
        ("region = 1\n", 1, "outside any block"),
        ('resouce "aws_s3_bucket" "a" {}\n', 1, "unknown block type 'resouce'"),
        ('resource "aws_s3_bucket" {}\n', 1, "takes 2 label(s)"),
        ("locals {\n  a = 1\n\n  a = 2\n}\n", 4, "set twice in one block (first on line 2)"),
        ('resource "a" "${var.x}" {}\n', 1, "plain string"),
        ("# only a comment\n", 1, "no blocks"),
        ("locals {\n  a = " + "[" * 5000 + "]" * 5000 + "\n}\n", 1, "too deeply"),
    ],
)  # fmt: skip
def test_parse_errors_name_the_line(text: str, line: int, words: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_terraform(text)
    assert caught.value.line == line
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("password", True),
        ("master_password", True),
        ("secret_key", True),
        ("access_key", True),
        ("auth_token", True),
        ("db_password", True),
        ("public_key", False),
        ("secret_arn", False),
        ("key_name", False),
        ("kms_key_id", False),
        ("key", False),
    ],
)
def test_secret_argument_names(name: str, secret: bool) -> None:
    assert secret_name(name) is secret


# --- Terraform labs through the judge -------------------------------------------------------------


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog(REAL_CONTENT).require()


def test_the_terraform_labs_exist_and_serve_their_topics(catalog: Catalog) -> None:
    labs = [
        lab for lab in catalog.labs.values() if getattr(lab.spec, "format", None) == "terraform"
    ]
    assert {lab.slug for lab in labs} >= {BUCKET_LAB, NETWORK_LAB}
    topics = {topic for lab in labs for topic in lab.spec.topics}
    assert {"cicd-terraform", "aws-compute-storage", "aws-vpc"} <= topics


@pytest.mark.parametrize("slug", [BUCKET_LAB, NETWORK_LAB])
def test_a_correct_answer_is_accepted(catalog: Catalog, judge: Judge, slug: str) -> None:
    lab = catalog.labs[slug]
    judgement = judge_solution(lab, lab.reference, judge)
    assert judgement.verdict == "accepted", judgement.message
    assert judgement.extra["failed_rules"] == []


def test_ssh_open_to_the_world_is_reported_with_its_rule_and_line(
    catalog: Catalog, judge: Judge
) -> None:
    lab = catalog.labs[NETWORK_LAB]
    ssh = (
        '\nresource "aws_vpc_security_group_ingress_rule" "ssh" {\n'
        "  security_group_id = aws_security_group.api.id\n"
        '  cidr_ipv4         = "0.0.0.0/0"\n'
        '  ip_protocol       = "tcp"\n'
        "  from_port         = 22\n"
        "  to_port           = 22\n"
        "}\n"
    )
    answer = lab.reference + ssh
    line = (
        answer.splitlines().index(
            '  cidr_ipv4         = "0.0.0.0/0"', len(lab.reference.splitlines())
        )
        + 1
    )
    judgement = judge_solution(lab, answer, judge)
    assert judgement.verdict == "wrong_answer"
    assert judgement.message == "1 of 6 rules failed: terraform.restricted-ingress"
    failed = judgement.first_failure
    assert failed is not None and failed.message is not None
    assert failed.message.startswith(
        f"line {line}: aws_vpc_security_group_ingress_rule.ssh opens port 22/tcp to the whole"
    )
    [rule] = [r for r in judgement.extra["rules"] if r["id"] == "terraform.restricted-ingress"]
    assert rule["line"] == line
    assert "0.0.0.0/0" in rule["why"]


def test_malformed_hcl_is_a_compile_error_naming_the_line(catalog: Catalog, judge: Judge) -> None:
    lab = catalog.labs[BUCKET_LAB]
    answer = lab.reference.replace(
        "  enable_key_rotation = true\n", "  enable_key_rotation = true\n  tags = {\n", 1
    )
    judgement = judge_solution(lab, answer, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message.startswith("line ")
    assert "not valid HCL" in judgement.message
    assert judgement.extra["failed_rules"] == []


def test_a_file_over_the_terraform_limit_is_refused_unparsed(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    lab = catalog.labs[BUCKET_LAB]
    limit = FORMAT_LIMITS["terraform"]
    padded = lab.reference + "# padding\n" * (limit // 10)
    judgement = judge_solution(lab, padded, judge)
    assert judgement.verdict == "compile_error"
    assert f"limited to {limit} bytes" in judgement.message
    kind = ConfigKind()
    kind.prepare(lab, tmp_path)
    (tmp_path / "main.tf").write_bytes(b"locals {}\n" + b"#" * 10_000_000)
    judgement = kind.grade(lab, tmp_path, judge)
    assert judgement.verdict == "compile_error"
    assert "too large" in judgement.message


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param("locals {\n  a = " + "{ b = " * 1500 + "1" + " }" * 1500 + "\n}\n", id="deep-objects"),
        pytest.param("locals " + "{\n" * 3000 + "}\n" * 3000, id="brace-soup"),
        pytest.param('resource "aws_s3_bucket" "a" {\n  bucket = "x\x00"\n}\n', id="nul-byte"),
    ],
)  # fmt: skip
def test_hostile_files_are_refused_safely(catalog: Catalog, judge: Judge, answer: str) -> None:
    judgement = judge_solution(catalog.labs[BUCKET_LAB], answer, judge)
    assert judgement.verdict == "compile_error"
    assert judgement.message.startswith("line ")


def test_provisioners_in_the_answer_never_run(
    catalog: Catalog, judge: Judge, tmp_path: Path
) -> None:
    lab = catalog.labs[BUCKET_LAB]
    marker = tmp_path / "pwned"
    hook = (
        '\nresource "terraform_data" "hook" {\n'
        '  provisioner "local-exec" {\n'
        f'    command = "touch {marker}"\n'
        "  }\n"
        "}\n"
    )
    judgement = judge_solution(lab, lab.reference + hook, judge)
    assert judgement.verdict == "accepted", judgement.extra["rules"]
    assert not marker.exists()
