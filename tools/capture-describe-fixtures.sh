#!/usr/bin/env bash
# Captures real describe answers from moto_server for the describe→create tests (tests/data/api/captured/):
# creates the full training job and model of tests/data/api with the AWS CLI, then saves
#   describe-training-job.epoch.json  describe-model.epoch.json   the CLI's default output: epoch seconds,
#                                                                 exactly as the JSON 1.1 API sends them
#   describe-training-job.iso.json    describe-model.iso.json     with cli_timestamp_format = iso8601
#                                                                 (AWS CLI v2's default): ISO 8601 times
#   list-tags-training-job.json       list-tags-model.json        ListTags answers
# Needs moto_server and aws on PATH. The integration test tst_awscliacceptance does the same live; these
# files let the core tests run without either.
set -euo pipefail
cd "$(dirname "$0")/.."
data=tests/data/api
out=$data/captured
mkdir -p "$out"

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
moto_server -H 127.0.0.1 -p "$port" >"$work/moto.log" 2>&1 &
moto=$!
trap 'kill $moto 2>/dev/null; wait $moto 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.2; done

# Nothing of the caller's AWS setup: fixed test keys, private config files.
env -i PATH="$PATH" HOME="$work" AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing \
    AWS_DEFAULT_REGION=us-east-1 AWS_EC2_METADATA_DISABLED=true AWS_CONFIG_FILE="$work/config" \
    AWS_SHARED_CREDENTIALS_FILE="$work/credentials" bash -euo pipefail -c '
endpoint=(--endpoint-url "http://127.0.0.1:'"$port"'")
printf "[default]\ncli_timestamp_format = iso8601\n" >"$HOME/iso-config"
aws sagemaker create-training-job --cli-input-json "file://'"$PWD/$data"'/training-job-full.json" "${endpoint[@]}" >/dev/null
aws sagemaker create-model --cli-input-json "file://'"$PWD/$data"'/model-full.json" "${endpoint[@]}" >/dev/null
aws sagemaker describe-training-job --training-job-name full-job-2024 "${endpoint[@]}" >"'"$out"'/describe-training-job.epoch.json"
aws sagemaker describe-model --model-name full-model-2024 "${endpoint[@]}" >"'"$out"'/describe-model.epoch.json"
AWS_CONFIG_FILE="$HOME/iso-config" aws sagemaker describe-training-job --training-job-name full-job-2024 "${endpoint[@]}" >"'"$out"'/describe-training-job.iso.json"
AWS_CONFIG_FILE="$HOME/iso-config" aws sagemaker describe-model --model-name full-model-2024 "${endpoint[@]}" >"'"$out"'/describe-model.iso.json"
aws sagemaker list-tags --resource-arn arn:aws:sagemaker:us-east-1:123456789012:training-job/full-job-2024 "${endpoint[@]}" >"'"$out"'/list-tags-training-job.json"
aws sagemaker list-tags --resource-arn arn:aws:sagemaker:us-east-1:123456789012:model/full-model-2024 "${endpoint[@]}" >"'"$out"'/list-tags-model.json"
'
echo "captured into $out (moto $(python3 -c 'import moto; print(moto.__version__)'), $(aws --version 2>&1))"
