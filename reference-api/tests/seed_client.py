"""The seed's own Python example client (deals-api.txt, "Python"), re-indented
as the page lost its indentation, with only its base URL and key changed, run
against `serve --demo`. After the seed's usage example, every call is checked
against the answer the seed documents.

Usage: seed_client.py <API base URL>   (the key comes from ISAO_API_KEY)
"""

import sys

# ---- The seed's client, verbatim but for base_url ---------------------------
import requests
from typing import Optional, Dict, List
from datetime import datetime
class DealsAPI:
    def __init__(self, api_key: str):
        self.base_url = BASE_URL
        self.headers = {
            "Authorization": f"Bearer {api_key}",
            "Content-Type": "application/json"
        }
    def list_deals(self, page: int = 1, limit: int = 50,
                   status: Optional[str] = None,
                   stage: Optional[str] = None,
                   created_since: Optional[str] = None,
                   updated_since: Optional[str] = None) -> Dict:
        params = {
            "page": page,
            "limit": limit,
            "status": status,
            "stage": stage,
            "createdSince": created_since,
            "updatedSince": updated_since
        }
        # Remove None values
        params = {k: v for k, v in params.items() if v is not None}
        response = requests.get(f"{self.base_url}/deals",
                                headers=self.headers, params=params)
        response.raise_for_status()
        return response.json()
    def get_deal(self, deal_id: str) -> Dict:
        response = requests.get(f"{self.base_url}/deals/{deal_id}",
                                headers=self.headers)
        response.raise_for_status()
        return response.json()
    def create_deal(self, deal_data: Dict) -> Dict:
        response = requests.post(f"{self.base_url}/deals",
                                 json=deal_data, headers=self.headers)
        response.raise_for_status()
        return response.json()
    def update_deal_status(self, deal_id: str, status_data: Dict) -> Dict:
        response = requests.put(f"{self.base_url}/deals/{deal_id}/status",
                                json=status_data, headers=self.headers)
        response.raise_for_status()
        return response.json()
    def mark_deal_as_won(self, deal_id: str, close_date: Optional[str] = None) -> Dict:
        if close_date is None:
            close_date = datetime.now().isoformat()
        return self.update_deal_status(deal_id, {
            "status": "won",
            "actualCloseDate": close_date
        })
    def mark_deal_as_lost(self, deal_id: str, close_date: Optional[str] = None) -> Dict:
        if close_date is None:
            close_date = datetime.now().isoformat()
        return self.update_deal_status(deal_id, {
            "status": "lost",
            "actualCloseDate": close_date
        })
    def get_deals_by_status(self, status: str, limit: int = 50) -> Dict:
        return self.list_deals(status=status, limit=limit)
    def get_pipeline_deals(self) -> Dict:
        """Get all open deals in the pipeline"""
        return self.list_deals(status="open")

def seed_usage_example():
    # Usage example
    import os
    deals_api = DealsAPI(os.getenv("ISAO_API_KEY"))
    try:
        # Create a deal
        new_deal = deals_api.create_deal({
            "title": "E-commerce Platform",
            "description": "Custom e-commerce solution with integrations",
            "value": 120000,
            "currency": "EUR",
            "stage": "qualification",
            "priority": "high",
            "probability": 50,
            "expectedCloseDate": "2025-02-28",
            "source": "website",
            "contactId": "contact_456"
        })
        print("Created deal:", new_deal)
        # List pipeline deals
        pipeline = deals_api.get_pipeline_deals()
        print(f"Pipeline has {pipeline['meta']['total']} open deals")
        # Get won deals from this month
        won_deals = deals_api.get_deals_by_status("won", limit=100)
        print(f"Won {len(won_deals['data'])} deals")
    except requests.exceptions.HTTPError as e:
        print(f"HTTP Error: {e.response.status_code}")
        print(f"Error details: {e.response.json()}")
        raise
    return new_deal, pipeline, won_deals
# ---- End of the seed's code -------------------------------------------------


def check(condition: bool, what: str) -> None:
    if not condition:
        raise SystemExit(f"FAILED: {what}")
    print(f"ok: {what}")


DEAL_KEYS = {"id", "title", "description", "value", "currency", "stage", "priority", "probability",
             "status", "expectedCloseDate", "actualCloseDate", "source", "contact", "assignedTo",
             "createdAt", "updatedAt"}


def main() -> None:
    import os
    new_deal, pipeline, won_deals = seed_usage_example()
    deal = new_deal["data"]
    check(new_deal["success"] is True and set(deal) == DEAL_KEYS, "create answers the seed's deal object")
    check(deal["id"].startswith("deal_") and deal["status"] == "open", "a new deal is open with a deal_ id")
    check(deal["expectedCloseDate"] == "2025-02-28T00:00:00.000Z", "a date is answered as a timestamp")
    check(deal["contact"]["id"] == "contact_456" and deal["assignedTo"] is None, "the contact is nested")
    check(set(pipeline["meta"]) == {"page", "limit", "total", "totalPages"}, "lists carry the seed's meta")
    check(all(d["status"] == "open" for d in pipeline["data"]) and pipeline["meta"]["limit"] == 50,
          "pipeline deals are open, 50 a page by default")
    check(all(d["status"] == "won" for d in won_deals["data"]) and won_deals["meta"]["limit"] == 100,
          "won deals are won, limit 100 honoured")

    api = DealsAPI(os.getenv("ISAO_API_KEY"))
    check(api.get_deal(deal["id"])["data"] == deal, "get answers the created deal unchanged")
    won = api.mark_deal_as_won(deal["id"])["data"]
    check(won["status"] == "won" and won["actualCloseDate"] is not None, "mark as won closes the deal")
    lost = api.mark_deal_as_lost(deal["id"], "2024-12-01T09:00:00.000Z")["data"]
    check(lost["status"] == "lost" and lost["actualCloseDate"] == "2024-12-01T09:00:00.000Z",
          "mark as lost keeps the given close date")
    filtered = api.list_deals(status="open", stage="negotiation", limit=10,
                              created_since="2024-11-01T00:00:00.000Z")
    check(all(d["status"] == "open" and d["stage"] == "negotiation" for d in filtered["data"])
          and len(filtered["data"]) <= 10, "combined filters narrow the list")

    def error_of(call) -> requests.Response:
        try:
            call()
        except requests.exceptions.HTTPError as error:
            return error.response
        raise SystemExit("FAILED: the call should have been refused")

    answer = error_of(lambda: DealsAPI("").list_deals())
    check(answer.status_code == 401 and answer.json() == {
        "success": False,
        "error": "API key required in Authorization header",
        "message": "Please provide a valid API key in the format: Authorization: Bearer YOUR_API_KEY"},
        "401 is the seed's body")
    answer = error_of(lambda: DealsAPI("isao_demo_contacts").list_deals())
    check(answer.status_code == 403 and answer.json() == {
        "success": False,
        "error": "Permission denied: deals:read required",
        "message": "This API key does not have the required permission: deals:read",
        "requiredPermission": "deals:read",
        "availablePermissions": ["contacts:read", "contacts:write"]}, "403 is the seed's body")
    answer = error_of(lambda: api.get_deal("deal_does_not_exist"))
    check(answer.status_code == 404 and answer.json() == {"success": False, "error": "Deal not found"},
          "404 is the seed's body")
    answer = error_of(lambda: api.create_deal({"value": -5}))
    check(answer.status_code == 422 and answer.json() == {
        "success": False, "error": "Validation failed",
        "details": {"title": "Title is required", "value": "Value must be a positive number"}},
        "422 is the seed's body")
    answer = error_of(lambda: api.create_deal({"title": "x", "value": 1, "contactId": "contact_nobody"}))
    check(answer.status_code == 400 and answer.json() == {
        "success": False, "error": "Contact not found or does not belong to your company"},
        "400 for an unknown contact is the seed's body")


if __name__ == "__main__":
    BASE_URL = sys.argv[1]
    main()
