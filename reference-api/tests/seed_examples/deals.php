<?php
// The seed's PHP example (deals-api.txt), verbatim. The runner swaps the base
// URL before running it; the key comes from ISAO_API_KEY.
class DealsAPI {
private $baseUrl = 'https://staging.isao.io/api/external';
private $headers;
public function __construct($apiKey) {
$this->headers = [
'Authorization: Bearer ' . $apiKey,
'Content-Type: application/json'
];
}
private function makeRequest($method, $endpoint, $data = null, $params = []) {
$url = $this->baseUrl . $endpoint;
if (!empty($params)) {
$url .= '?' . http_build_query(array_filter($params));
}
$curl = curl_init();
curl_setopt_array($curl, [
CURLOPT_URL => $url,
CURLOPT_RETURNTRANSFER => true,
CURLOPT_CUSTOMREQUEST => $method,
CURLOPT_HTTPHEADER => $this->headers,
]);
if ($data) {
curl_setopt($curl, CURLOPT_POSTFIELDS, json_encode($data));
}
$response = curl_exec($curl);
$httpCode = curl_getinfo($curl, CURLINFO_HTTP_CODE);
curl_close($curl);
$result = json_decode($response, true);
if ($httpCode >= 400) {
throw new Exception("API Error ({$httpCode}): " . ($result['error'] ?? 'Unknown error'));
}
return $result;
}
public function listDeals($options = []) {
$params = [
'page' => $options['page'] ?? 1,
'limit' => $options['limit'] ?? 50,
'status' => $options['status'] ?? null,
'stage' => $options['stage'] ?? null,
'createdSince' => $options['createdSince'] ?? null,
'updatedSince' => $options['updatedSince'] ?? null
];
return $this->makeRequest('GET', '/deals', null, $params);
}
public function getDeal($dealId) {
return $this->makeRequest('GET', "/deals/{$dealId}");
}
public function createDeal($dealData) {
return $this->makeRequest('POST', '/deals', $dealData);
}
public function updateDealStatus($dealId, $statusData) {
return $this->makeRequest('PUT', "/deals/{$dealId}/status", $statusData);
}
public function markDealAsWon($dealId, $closeDate = null) {
if ($closeDate === null) {
$closeDate = date('c'); // ISO 8601 format
}
return $this->updateDealStatus($dealId, [
'status' => 'won',
'actualCloseDate' => $closeDate
]);
}
public function markDealAsLost($dealId, $closeDate = null) {
if ($closeDate === null) {
$closeDate = date('c'); // ISO 8601 format
}
return $this->updateDealStatus($dealId, [
'status' => 'lost',
'actualCloseDate' => $closeDate
]);
}
public function getDealsByStatus($status, $limit = 50) {
return $this->listDeals(['status' => $status, 'limit' => $limit]);
}
public function getPipelineDeals() {
return $this->listDeals(['status' => 'open']);
}
}
// Usage example
try {
$dealsAPI = new DealsAPI(getenv('ISAO_API_KEY'));
// Create a deal
$newDeal = $dealsAPI->createDeal([
'title' => 'Digital Marketing Campaign',
'description' => '6-month digital marketing strategy and execution',
'value' => 45000,
'currency' => 'EUR',
'stage' => 'proposal',
'priority' => 'medium',
'probability' => 70,
'expectedCloseDate' => '2024-12-15',
'source' => 'referral',
'contactId' => 'contact_789'
]);
echo "Created deal: " . json_encode($newDeal) . "\n";
// List pipeline deals
$pipeline = $dealsAPI->getPipelineDeals();
echo "Pipeline has " . $pipeline['meta']['total'] . " open deals\n";
// Mark deal as won
$wonDeal = $dealsAPI->markDealAsWon($newDeal['data']['id']);
echo "Marked deal as won: " . json_encode($wonDeal) . "\n";
} catch (Exception $e) {
echo "Error: " . $e->getMessage() . "\n";
}
?>
