"""Use cases over a Session: referrals, follow-ups, clients, stats, accounts, audit, imports, reports, storage."""
