# Network access and database of orders-api (FastAPI, uvicorn on port 8000, run as ECS
# tasks behind an application load balancer). Written while prototyping in a sandbox account.

terraform {
  required_version = ">= 1.11, < 2.0"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = "~> 5.90"
    }
  }

  backend "s3" {
    bucket       = "acme-terraform-state"
    key          = "orders-api/service.tfstate"
    region       = "eu-west-1"
    use_lockfile = true
  }
}

provider "aws" {
  region = "eu-west-1"
}

variable "environment" {
  type = string
}

variable "vpc_id" {}

variable "private_subnet_ids" {
  type = list(string)
}

resource "aws_security_group" "api" {
  name   = "orders-api-${var.environment}"
  vpc_id = var.vpc_id

  ingress {
    description = "API"
    from_port   = 8000
    to_port     = 8000
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  ingress {
    description = "SSH for debugging"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_security_group" "db" {
  name   = "orders-api-db-${var.environment}"
  vpc_id = var.vpc_id

  ingress {
    description = "PostgreSQL, so we can connect from our laptops"
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

resource "aws_db_subnet_group" "orders" {
  name       = "orders-api-${var.environment}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "orders" {
  identifier             = "orders-api-${var.environment}"
  engine                 = "postgres"
  engine_version         = "16"
  instance_class         = "db.t4g.small"
  allocated_storage      = 20
  storage_encrypted      = true
  db_name                = "orders"
  username               = "orders"
  password               = "orders-dev-Passw0rd"
  db_subnet_group_name   = aws_db_subnet_group.orders.name
  vpc_security_group_ids = [aws_security_group.db.id]
  publicly_accessible    = true
  skip_final_snapshot    = true
}

output "database_url" {
  value = "postgresql+psycopg://orders:orders-dev-Passw0rd@${aws_db_instance.orders.address}:5432/orders"
}
