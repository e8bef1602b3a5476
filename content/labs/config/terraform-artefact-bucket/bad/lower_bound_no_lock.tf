terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }

  # The state bucket is created once per account, outside this configuration.
  backend "s3" {
    bucket  = "acme-terraform-state"
    key     = "orders-api/artefacts.tfstate"
    region  = "eu-west-1"
    encrypt = true
  }
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "orders-api"
      Environment = var.environment
      Owner       = "team-orders"
      ManagedBy   = "terraform"
    }
  }
}

variable "region" {
  type        = string
  description = "AWS region of the artefact bucket."
  default     = "eu-west-1"
}

variable "environment" {
  type        = string
  description = "Environment the artefacts are built for: staging or production."

  validation {
    condition     = contains(["staging", "production"], var.environment)
    error_message = "environment must be staging or production."
  }
}

variable "github_repository" {
  type        = string
  description = "owner/name of the repository whose release workflow uploads artefacts."
  default     = "acme/orders-api"
}

resource "aws_s3_bucket" "artefacts" {
  bucket = "acme-orders-api-artefacts-${var.environment}"
}

resource "aws_s3_bucket_public_access_block" "artefacts" {
  bucket = aws_s3_bucket.artefacts.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_kms_key" "artefacts" {
  description         = "Encrypts orders-api release artefacts"
  enable_key_rotation = true
}

resource "aws_s3_bucket_server_side_encryption_configuration" "artefacts" {
  bucket = aws_s3_bucket.artefacts.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = aws_kms_key.artefacts.arn
    }
    bucket_key_enabled = true
  }
}

resource "aws_s3_bucket_versioning" "artefacts" {
  bucket = aws_s3_bucket.artefacts.id

  versioning_configuration {
    status = "Enabled"
  }
}

# The release workflow signs in with GitHub's OIDC token: no stored AWS keys.
data "aws_iam_openid_connect_provider" "github" {
  url = "https://token.actions.githubusercontent.com"
}

data "aws_iam_policy_document" "release_trust" {
  statement {
    actions = ["sts:AssumeRoleWithWebIdentity"]

    principals {
      type        = "Federated"
      identifiers = [data.aws_iam_openid_connect_provider.github.arn]
    }

    condition {
      test     = "StringEquals"
      variable = "token.actions.githubusercontent.com:aud"
      values   = ["sts.amazonaws.com"]
    }

    condition {
      test     = "StringLike"
      variable = "token.actions.githubusercontent.com:sub"
      values   = ["repo:${var.github_repository}:ref:refs/tags/v*"]
    }
  }
}

resource "aws_iam_role" "release_upload" {
  name               = "orders-api-release-upload-${var.environment}"
  assume_role_policy = data.aws_iam_policy_document.release_trust.json
}

data "aws_iam_policy_document" "upload" {
  statement {
    actions   = ["s3:PutObject", "s3:GetObject"]
    resources = ["${aws_s3_bucket.artefacts.arn}/releases/*"]
  }

  statement {
    actions   = ["s3:ListBucket"]
    resources = [aws_s3_bucket.artefacts.arn]
  }

  statement {
    actions   = ["kms:GenerateDataKey", "kms:Decrypt"]
    resources = [aws_kms_key.artefacts.arn]
  }
}

resource "aws_iam_role_policy" "upload" {
  name   = "upload-release-artefacts"
  role   = aws_iam_role.release_upload.id
  policy = data.aws_iam_policy_document.upload.json
}

output "bucket_name" {
  description = "Bucket the release workflow uploads to."
  value       = aws_s3_bucket.artefacts.bucket
}

output "release_role_arn" {
  description = "Role the release workflow assumes (aws-actions/configure-aws-credentials role-to-assume)."
  value       = aws_iam_role.release_upload.arn
}
