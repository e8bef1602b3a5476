# Release artefacts of orders-api (wheels and the deployment bundle) and the role the
# release workflow uses to upload them. Applied from a laptop so far; it has to move to CI.

terraform {
  required_providers {
    aws = {
      source = "hashicorp/aws"
    }
  }
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
}

variable "environment" {}

variable "github_repository" {
  default = "acme/orders-api"
}

resource "aws_s3_bucket" "artefacts" {
  bucket = "acme-orders-api-artefacts-${var.environment}"

  tags = {
    Project = "orders-api"
  }
}

resource "aws_s3_bucket_public_access_block" "artefacts" {
  bucket = aws_s3_bucket.artefacts.id

  block_public_acls   = true
  block_public_policy = true
}

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

  tags = {
    Project = "orders-api"
  }
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
}

resource "aws_iam_role_policy" "upload" {
  name   = "upload-release-artefacts"
  role   = aws_iam_role.release_upload.id
  policy = data.aws_iam_policy_document.upload.json
}

output "bucket_name" {
  value = aws_s3_bucket.artefacts.bucket
}

output "release_role_arn" {
  value = aws_iam_role.release_upload.arn
}
