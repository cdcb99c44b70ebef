#!/usr/bin/env python3
"""Captures the raw XML answers of the six EC2 Describe calls SageDesk reads, from a moto_server.

    moto_server -H 127.0.0.1 -p 5123 &
    python3 tests/data/ec2/capture-moto.py http://127.0.0.1:5123 tests/data/ec2

The network it builds (on top of moto's default VPC): VPC 10.0.0.0/16 named "training" with a /24 subnet in
us-east-1a (explicit route table with an S3 gateway endpoint, an internet gateway route and a NAT gateway) and
a /28 subnet in us-east-1b (main route table); a security group allowing all traffic from itself in both
directions plus HTTPS from 10.0.0.0/16; a CloudWatch Logs interface endpoint with private DNS. Only loopback
endpoints are accepted.
"""
import sys
from urllib.parse import urlparse

import boto3

endpoint, out_dir = sys.argv[1], sys.argv[2]
assert urlparse(endpoint).hostname in ("127.0.0.1", "localhost", "::1"), "loopback endpoints only"
ec2 = boto3.client("ec2", endpoint_url=endpoint, region_name="us-east-1",
                   aws_access_key_id="testing", aws_secret_access_key="testing")
raw = {}
ec2.meta.events.register(
    "after-call.ec2", lambda http_response, model, **kw: raw.__setitem__(model.name, http_response.content))


def named(kind, name):
    return [{"ResourceType": kind, "Tags": [{"Key": "Name", "Value": name}]}]


vpc = ec2.create_vpc(CidrBlock="10.0.0.0/16", TagSpecifications=named("vpc", "training"))["Vpc"]["VpcId"]
big = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.1.0/24", AvailabilityZone="us-east-1a",
                        TagSpecifications=named("subnet", "training-a"))["Subnet"]["SubnetId"]
tiny = ec2.create_subnet(VpcId=vpc, CidrBlock="10.0.2.0/28", AvailabilityZone="us-east-1b")["Subnet"]["SubnetId"]
sg = ec2.create_security_group(GroupName="training", Description="SageMaker training", VpcId=vpc)["GroupId"]
self_rule = [{"IpProtocol": "-1", "UserIdGroupPairs": [{"GroupId": sg}]}]
ec2.authorize_security_group_ingress(GroupId=sg, IpPermissions=self_rule + [
    {"IpProtocol": "tcp", "FromPort": 443, "ToPort": 443, "IpRanges": [{"CidrIp": "10.0.0.0/16"}]}])
ec2.authorize_security_group_egress(GroupId=sg, IpPermissions=self_rule)
rt = ec2.create_route_table(VpcId=vpc)["RouteTable"]["RouteTableId"]
ec2.associate_route_table(RouteTableId=rt, SubnetId=big)
ec2.create_vpc_endpoint(VpcId=vpc, ServiceName="com.amazonaws.us-east-1.s3", VpcEndpointType="Gateway",
                        RouteTableIds=[rt])
ec2.create_vpc_endpoint(VpcId=vpc, ServiceName="com.amazonaws.us-east-1.logs", VpcEndpointType="Interface",
                        SubnetIds=[big], SecurityGroupIds=[sg], PrivateDnsEnabled=True)
igw = ec2.create_internet_gateway()["InternetGateway"]["InternetGatewayId"]
ec2.attach_internet_gateway(InternetGatewayId=igw, VpcId=vpc)
ec2.create_route(RouteTableId=rt, DestinationCidrBlock="0.0.0.0/0", GatewayId=igw)
allocation = ec2.allocate_address(Domain="vpc")["AllocationId"]
ec2.create_nat_gateway(SubnetId=big, AllocationId=allocation)

only_vpc = [{"Name": "vpc-id", "Values": [vpc]}]
ec2.describe_vpcs()
ec2.describe_subnets(Filters=only_vpc)
ec2.describe_security_groups(Filters=only_vpc)
ec2.describe_route_tables(Filters=only_vpc)
ec2.describe_vpc_endpoints(Filters=only_vpc)
ec2.describe_nat_gateways(Filter=only_vpc)

for action, body in raw.items():
    if action.startswith("Describe"):
        name = "".join("-" + c.lower() if c.isupper() else c for c in action).lstrip("-")
        with open(f"{out_dir}/{name}.moto.xml", "wb") as f:
            f.write(body)
        print(f"{out_dir}/{name}.moto.xml")
