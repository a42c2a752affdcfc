"""The ledger side: RGS ledger accounts (grootboekrekeningen) and rubrieken that
classify agreements and bookings. Later: bookings (journaalposten) and balances."""
