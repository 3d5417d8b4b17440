// The seed's JavaScript/Node.js example (deals-api.txt), verbatim. The runner
// swaps the base URL before running it; the key comes from ISAO_API_KEY.
const axios = require('axios');
class DealsAPI {
constructor(apiKey) {
this.client = axios.create({
baseURL: 'https://staging.isao.io/api/external',
headers: {
'Authorization': `Bearer ${apiKey}`,
'Content-Type': 'application/json'
}
});
}
// List all deals with filtering
async listDeals(options = {}) {
const params = {
page: options.page || 1,
limit: options.limit || 50,
status: options.status,
stage: options.stage,
createdSince: options.createdSince,
updatedSince: options.updatedSince
};
const response = await this.client.get('/deals', { params });
return response.data;
}
// Get deal by ID
async getDeal(dealId) {
const response = await this.client.get(`/deals/${dealId}`);
return response.data;
}
// Create new deal
async createDeal(dealData) {
const response = await this.client.post('/deals', dealData);
return response.data;
}
// Update deal status
async updateDealStatus(dealId, statusData) {
const response = await this.client.put(`/deals/${dealId}/status`, statusData);
return response.data;
}
// Mark deal as won
async markDealAsWon(dealId, closeDate = new Date().toISOString()) {
return this.updateDealStatus(dealId, {
status: 'won',
actualCloseDate: closeDate
});
}
// Mark deal as lost
async markDealAsLost(dealId, closeDate = new Date().toISOString()) {
return this.updateDealStatus(dealId, {
status: 'lost',
actualCloseDate: closeDate
});
}
// Get deals by status
async getDealsByStatus(status, limit = 50) {
return this.listDeals({ status, limit });
}
// Get deals in pipeline (open deals)
async getPipelineDeals() {
return this.listDeals({ status: 'open' });
}
}
// Usage example
const dealsAPI = new DealsAPI(process.env.ISAO_API_KEY);
async function example() {
try {
// Create a deal
const newDeal = await dealsAPI.createDeal({
title: "Mobile App Development",
description: "Native iOS and Android app development",
value: 75000,
currency: "EUR",
stage: "discovery",
priority: "high",
probability: 40,
expectedCloseDate: "2024-12-31",
source: "referral",
contactId: "contact_123"
});
console.log('Created deal:', newDeal);
// List pipeline deals
const pipelineDeals = await dealsAPI.getPipelineDeals();
console.log('Pipeline deals:', pipelineDeals);
// Update deal stage
const updatedDeal = await dealsAPI.updateDealStatus(newDeal.data.id, {
stage: "proposal",
probability: 60
});
console.log('Updated deal:', updatedDeal);
// Mark deal as won
const wonDeal = await dealsAPI.markDealAsWon(newDeal.data.id);
console.log('Won deal:', wonDeal);
} catch (error) {
console.error('Error:', error.response?.data || error.message);
}
}
// ---- End of the seed's code. It defines example() without calling it:
example();
