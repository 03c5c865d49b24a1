#!/usr/bin/env bash
# After `sam deploy`: writes the web apps' config.json from the stack's outputs, uploads web/ to the
# web bucket and refreshes CloudFront. Usage: infrastructure/deploy-web.sh <stack-name> [region]
set -euo pipefail
stack="${1:?usage: $0 <stack-name> [region]}"
region="${2:-${AWS_REGION:-eu-west-3}}"
root="$(cd "$(dirname "$0")/.." && pwd)"
output() {
  aws cloudformation describe-stacks --region "$region" --stack-name "$stack" \
    --query "Stacks[0].Outputs[?OutputKey=='$1'].OutputValue" --output text
}
bucket="$(output WebBucketName)"
site="$(output SiteUrl)"
build="$(mktemp -d)"
trap 'rm -rf "$build"' EXIT
cp -r "$root/web/." "$build/"
cat > "$build/config.json" <<JSON
{"region": "$region", "userPoolId": "$(output UserPoolId)", "clientId": "$(output UserPoolClientId)",
 "cognitoEndpoint": "https://cognito-idp.$region.amazonaws.com/", "apiBase": "/api/v1"}
JSON
aws s3 sync --region "$region" --delete "$build/" "s3://$bucket/"
aws cloudfront create-invalidation --distribution-id "$(output WebDistributionId)" --paths '/*' >/dev/null
echo "Portal: $site/   Back-office: $site/agents/"
