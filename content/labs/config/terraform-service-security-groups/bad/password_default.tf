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
  region = var.region

  default_tags {
    tags = {
      Project     = "orders-api"
      Environment = var.environment
      Owner       = "team-orders"
    }
  }
}

variable "region" {
  type        = string
  description = "AWS region the service runs in."
  default     = "eu-west-1"
}

variable "environment" {
  type        = string
  description = "Environment name used in resource names and tags: staging or production."
}

variable "vpc_id" {
  type        = string
  description = "VPC that holds the load balancer, the API tasks and the database."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets for the database, in at least two availability zones."
}

variable "db_password" {
  type        = string
  description = "Master password of the database; the pipeline passes it as TF_VAR_db_password."
  default     = "orders-dev-Passw0rd-2024"

  validation {
    condition     = length(var.db_password) >= 16
    error_message = "db_password must be at least 16 characters long."
  }
}

# --- load balancer: the only thing the internet reaches -------------------------------------

resource "aws_security_group" "alb" {
  name        = "orders-api-alb-${var.environment}"
  description = "Public entry point of orders-api"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "alb_https" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTPS from anywhere"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
}

resource "aws_vpc_security_group_ingress_rule" "alb_http" {
  security_group_id = aws_security_group.alb.id
  description       = "HTTP from anywhere, redirected to HTTPS by the listener"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "tcp"
  from_port         = 80
  to_port           = 80
}

resource "aws_vpc_security_group_egress_rule" "alb_to_api" {
  security_group_id            = aws_security_group.alb.id
  description                  = "Forward requests and health checks to the API tasks"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = 8000
  to_port                      = 8000
}

# --- API tasks: reachable from the load balancer only ---------------------------------------

resource "aws_security_group" "api" {
  name        = "orders-api-tasks-${var.environment}"
  description = "orders-api containers (uvicorn on port 8000)"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "api_from_alb" {
  security_group_id            = aws_security_group.api.id
  description                  = "Requests from the load balancer"
  referenced_security_group_id = aws_security_group.alb.id
  ip_protocol                  = "tcp"
  from_port                    = 8000
  to_port                      = 8000
}

resource "aws_vpc_security_group_egress_rule" "api_out" {
  security_group_id = aws_security_group.api.id
  description       = "Database, AWS APIs and image pulls (through the NAT gateway)"
  cidr_ipv4         = "0.0.0.0/0"
  ip_protocol       = "-1"
}

# --- database: reachable from the API tasks only --------------------------------------------

resource "aws_security_group" "db" {
  name        = "orders-api-db-${var.environment}"
  description = "PostgreSQL of orders-api"
  vpc_id      = var.vpc_id
}

resource "aws_vpc_security_group_ingress_rule" "db_from_api" {
  security_group_id            = aws_security_group.db.id
  description                  = "PostgreSQL from the API tasks"
  referenced_security_group_id = aws_security_group.api.id
  ip_protocol                  = "tcp"
  from_port                    = 5432
  to_port                      = 5432
}

resource "aws_db_subnet_group" "orders" {
  name       = "orders-api-${var.environment}"
  subnet_ids = var.private_subnet_ids
}

resource "aws_db_instance" "orders" {
  identifier                = "orders-api-${var.environment}"
  engine                    = "postgres"
  engine_version            = "16"
  instance_class            = "db.t4g.small"
  allocated_storage         = 20
  storage_encrypted         = true
  db_name                   = "orders"
  username                  = "orders"
  password                  = var.db_password
  db_subnet_group_name      = aws_db_subnet_group.orders.name
  vpc_security_group_ids    = [aws_security_group.db.id]
  publicly_accessible       = false
  deletion_protection       = true
  final_snapshot_identifier = "orders-api-${var.environment}-final"
}

output "alb_security_group_id" {
  description = "Attach to the load balancer."
  value       = aws_security_group.alb.id
}

output "api_security_group_id" {
  description = "Attach to the ECS service's tasks."
  value       = aws_security_group.api.id
}

output "database_url" {
  description = "SQLAlchemy URL for the deploy step to store in the service's secret."
  value       = "postgresql+psycopg://orders:${urlencode(var.db_password)}@${aws_db_instance.orders.address}:5432/orders"
  sensitive   = true
}
