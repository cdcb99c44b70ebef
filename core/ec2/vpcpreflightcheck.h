#pragma once

#include "core/api/diagnostic.h"
#include "core/ec2/vpcpreflightdata.h"
#include "core/ec2/vpcpreflightinput.h"

#include <QCoreApplication>

// The VPC pre-flight check: pure logic over the EC2 resources VpcPreflightRun fetched. Each finding is a
// Diagnostic with a stable code, a severity, a plain explanation and the path of what it is about
// ("VpcConfig.Subnets[1]", "VpcConfig.SecurityGroupIds", "VpcConfig"), so editors can mark the IDs.
//
// Errors (the job cannot work):
//   subnetNotFound, securityGroupNotFound    an ID the account does not have in this region
//   subnetsInSeveralVpcs                     a job's subnets must share one VPC
//   securityGroupInOtherVpc                  a security group outside the subnets' VPC
//   notEnoughIpAddresses                     fewer free addresses in the subnets than 2 per instance
// Warnings (the job starts but is likely to fail or be blind):
//   noRouteToS3               a subnet's route table (its own, or the VPC's main one) has neither an S3
//                             endpoint (gateway, or interface with private DNS) nor a default route through
//                             a NAT gateway (or a transit gateway, peering, appliance: we cannot see past
//                             those and give them the benefit of the doubt). An internet gateway does not
//                             count: SageMaker's network interfaces get no public address.
//   s3EndpointPolicyBlocks    the S3 gateway endpoint the subnets use has a policy whose Allow statements
//                             cover none of the job's S3 locations (EndpointPolicy).
//   noRouteToCloudWatchLogs   likewise for com.amazonaws.<region>.logs (an interface endpoint with private
//                             DNS, or NAT): the job's logs and metrics would not arrive.
//   endpointRefusesJob        an interface endpoint the job's traffic goes to by name (CloudWatch Logs, or S3
//                             when no gateway endpoint takes it) has security groups that allow no HTTPS
//                             (TCP 443, or all traffic) in from the job's groups or a CIDR covering its
//                             subnets. (The job's own groups' way out: noHttpsEgress.)
//   noHttpsEgress             no outbound rule of the job's groups lets TCP 443 (or all traffic) out to
//                             anything but the job's own groups: S3 and CloudWatch Logs are out of reach.
//   noTrafficBetweenInstances more than one instance, and no security group of the job allows all traffic
//                             (protocol -1) from the job's groups (or a CIDR covering its subnets) inbound,
//                             and to them outbound: distributed training hangs.
//   ec2AccessDenied, ec2LookupFailed   a Describe call was refused or failed; what it would have checked is
//                             skipped and the user can go on.
// Info: singleAvailabilityZone.
//
// Which endpoints: a training job in a VPC reaches S3 (input, output, checkpoints) and CloudWatch Logs
// through the VPC. Its image is pulled by SageMaker outside the VPC (TrainingRepositoryAccessMode
// "Platform", the default), so ECR endpoints (ecr.api, ecr.dkr) are not needed; the SageMaker APIs
// (sagemaker.api, sagemaker.runtime) are needed only by training code that calls them itself, which the
// spec cannot tell, so they are not checked. Interface endpoints' policies are not checked.
class VpcPreflightCheck
{
    Q_DECLARE_TR_FUNCTIONS(VpcPreflightCheck)

public:
    // region names the endpoint services ("com.amazonaws.<region>.s3"). Findings come errors first.
    static Diagnostics run(
        const VpcPreflightInput &input, const VpcPreflightData &data, const QString &region);

    // UnauthorizedOperation and the other codes that mean "these credentials may not do this".
    static bool isAccessDenied(const AwsError &error);
    // Free addresses a job of this size needs across its subnets.
    static int addressesNeeded(int instanceCount) { return 2 * qMax(1, instanceCount); }
};
