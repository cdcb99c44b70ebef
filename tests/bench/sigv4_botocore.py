"""botocore's SigV4Auth.add_auth on the request bench_sigv4 signs, for the comparison it prints.

Usage: sigv4_botocore.py BODY_FILE ITERATIONS
Prints two lines: microseconds of CPU time per add_auth call (the fastest of 15 batches: the machine is
shared, and preemption only ever adds time), then the Authorization header
for the fixed time 2024-05-17T09:30:15Z, which bench_sigv4 compares with its own.
"""
import datetime
import sys
import time
from unittest import mock

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

URL = "https://api.sagemaker.us-west-2.amazonaws.com/"
HEADERS = {
    "Content-Type": "application/x-amz-json-1.1",
    "X-Amz-Target": "SageMaker.CreateTrainingJob",
}


def main():
    body = open(sys.argv[1], "rb").read()
    iterations = int(sys.argv[2])
    credentials = Credentials(
        "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "FQoGZXIvYXdzEXAMPLETOKEN"
    )
    signer = SigV4Auth(credentials, "sagemaker", "us-west-2")

    fixed = datetime.datetime(2024, 5, 17, 9, 30, 15)
    with mock.patch("botocore.auth.get_current_datetime", return_value=fixed):
        request = AWSRequest(method="POST", url=URL, data=body, headers=dict(HEADERS))
        signer.add_auth(request)
        authorization = request.headers["Authorization"]

    batches = []
    for _ in range(15):
        requests = [
            AWSRequest(method="POST", url=URL, data=body, headers=dict(HEADERS))
            for _ in range(iterations)
        ]
        start = time.thread_time()
        for request in requests:
            signer.add_auth(request)
        batches.append((time.thread_time() - start) / iterations * 1e6)
    print(f"{min(batches):.3f}")
    print(authorization)


if __name__ == "__main__":
    main()
