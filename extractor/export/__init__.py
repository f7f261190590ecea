"""Export stage: JSON (with its JSON Schema), EDGAR ownershipDocument XML, CSV."""
