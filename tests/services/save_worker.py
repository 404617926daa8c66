"""A separate process that saves, for the multi-process tests (run as ``python -m tests.services.save_worker``).

    python -m tests.services.save_worker MODE URL JSON

MODE ``file``: file one referral for each mobile in ``mobiles`` (in a shuffled
order), then print one JSON line: how many were saved and the class name of
every error that reached the caller. MODE ``loop``: file referrals until killed,
printing ``saved <referral id> <follow-up id>`` after each call returned, so the
parent knows exactly which saves were reported done.
"""

from __future__ import annotations

import json
import random
import sys
import time
from collections import Counter

from services.db import Database, make_engine
from services.permissions import Actor
from services.referrals import ReferralInput, file_referral


def _input(rm_id: int, mobile: str, status: str = "referred") -> ReferralInput:
    return ReferralInput(client_type="to_win", status=status, rm_id=rm_id, channel="lobby",
                         client_name="白雪", client_mobile=mobile, preferred_contact_at=None)


def main(argv: list[str]) -> int:
    mode, url, raw = argv
    job = json.loads(raw)
    actor = Actor(*job["actor"])
    db = Database(make_engine(url))
    rng = random.Random(job.get("seed", 0))
    start_at = job.get("start_at")
    if start_at:
        time.sleep(max(0.0, start_at - time.time()))
    if mode == "file":
        mobiles = list(job["mobiles"])
        rng.shuffle(mobiles)
        saved, errors = 0, Counter[str]()
        for mobile in mobiles:
            try:
                file_referral(db, actor, _input(job["rm_id"], mobile))
                saved += 1
            except Exception as exc:  # the parent counts whatever reached the caller, by kind
                errors[type(exc).__name__ + (": locked" if "locked" in str(exc) else "")] += 1
        print(json.dumps({"saved": saved, "errors": dict(errors)}), flush=True)
        return 0
    if mode == "loop":
        n = 0
        while True:
            n += 1
            mobile = f"137{job['seed']:02d}{n:06d}"
            status = "pending" if n % 2 else "referred"
            data = _input(job["rm_id"], mobile, status)
            if status == "pending":
                data = ReferralInput(**{**data.__dict__, "preferred_contact_at": db.now()})
            filed = file_referral(db, actor, data)
            print(f"saved {filed.id} {filed.follow_up_id or 0}", flush=True)
    raise SystemExit(f"unknown mode {mode}")


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
