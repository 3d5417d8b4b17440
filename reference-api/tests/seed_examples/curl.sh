# The seed's curl examples (deals-api.txt), verbatim and in its order. The
# runner swaps the base URL and YOUR_API_KEY before running this; each
# answer ends with a newline so that the checker reads one JSON per line.
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?status=open&stage=negotiation&limit=10"
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
https://staging.isao.io/api/external/deals/deal_123
echo
curl -X POST \
-H "Authorization: Bearer YOUR_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"title": "Website Redesign Project",
"description": "Complete website redesign and development",
"value": 25000,
"currency": "EUR",
"stage": "proposal",
"priority": "medium",
"probability": 60,
"expectedCloseDate": "2024-12-30",
"source": "website",
"contactId": "contact_456"
}' \
https://staging.isao.io/api/external/deals
echo
curl -X PUT \
-H "Authorization: Bearer YOUR_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"status": "won",
"stage": "closed-won",
"actualCloseDate": "2024-11-08T15:30:00.000Z"
}' \
https://staging.isao.io/api/external/deals/deal_789/status
echo
curl -X PUT \
-H "Authorization: Bearer YOUR_API_KEY" \
-H "Content-Type: application/json" \
-d '{
"stage": "contract-review"
}' \
https://staging.isao.io/api/external/deals/deal_789/status
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?status=open"
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?stage=negotiation"
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?createdSince=2024-11-01T00:00:00.000Z"
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?updatedSince=2024-11-01T00:00:00.000Z"
echo
curl -H "Authorization: Bearer YOUR_API_KEY" \
"https://staging.isao.io/api/external/deals?status=open&stage=proposal&createdSince=2024-11-01T00:00:00.000Z"
echo
