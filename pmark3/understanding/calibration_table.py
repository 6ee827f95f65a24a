"""Fitted confidence table; written by ``bench/parse_bench.py --fit`` (see calibration.py)."""

from typing import Any

TABLE: dict[str, Any] = {
 "confidence": {
  "equipment_type": {
   "*": 0.6,
   "from_mode": 0.617,
   "from_mode:S1": 0.617,
   "head_multi": 0.839,
   "head_multi:S1": 0.844,
   "head_multi:S2": 0.529,
   "head_multi:S3": 0.539,
   "head_single": 0.925,
   "head_single:S1": 0.92,
   "head_single:S2": 0.742,
   "head_single:S3": 0.693,
   "history": 0.808,
   "history:S2": 0.808,
   "kks": 0.904,
   "kks:S1": 0.904,
   "none": 0.22,
   "none:S1": 0.185,
   "none:S3": 0.539,
   "register": 0.959,
   "register:S1": 0.96,
   "register:S2": 0.617,
   "register:S3": 0.797,
   "s3_none": 0.617,
   "s3_none:S3": 0.617,
   "system_default": 0.59,
   "system_default:S1": 0.59
  },
  "location": {
   "*": 0.6,
   "common+register": 0.582,
   "common+single": 0.754,
   "explicit+history": 0.539,
   "explicit+kks": 0.915,
   "explicit+multi": 0.539,
   "explicit+none": 0.242,
   "explicit+register": 0.966,
   "explicit+single": 0.88,
   "explicit+weak": 0.539,
   "hash+history": 0.539,
   "hash+single": 0.539,
   "history+history": 0.821,
   "history+register": 0.617,
   "history+single": 0.539,
   "none+history": 0.539,
   "none+none": 0.255,
   "none+register": 0.951,
   "none+single": 0.826,
   "none+weak": 0.431
  },
  "priority": {
   "*": 0.7,
   "context": 0.927,
   "context:S1": 0.926,
   "context:S2": 0.617,
   "default": 0.962,
   "default:S1": 0.962,
   "explicit": 0.966,
   "explicit:S1": 0.966,
   "explicit:S2": 0.728,
   "hazard": 0.754,
   "hazard:S1": 0.754,
   "history": 0.797,
   "history:S2": 0.797,
   "s3_null": 0.871,
   "s3_null:S3": 0.871
  },
  "status_code": {
   "*": 0.6,
   "from_class": 0.647,
   "from_class:S1": 0.647,
   "from_context": 0.539,
   "from_context:S1": 0.539,
   "history": 0.831,
   "history:S2": 0.831,
   "none": 0.234,
   "none:S1": 0.208,
   "none:S2": 0.539,
   "s1_single": 0.265,
   "s1_single:S1": 0.265,
   "s2_multi": 0.624,
   "s2_multi:S1": 0.624,
   "s2_single": 0.938,
   "s2_single:S1": 0.938,
   "s2_single:S2": 0.617,
   "s3_multi": 0.776,
   "s3_multi:S1": 0.769,
   "s3_multi:S2": 0.539,
   "s3_null": 0.862,
   "s3_null:S3": 0.862,
   "s3_s2_single": 0.539,
   "s3_s2_single:S3": 0.539,
   "s3_s3_single": 0.582,
   "s3_s3_single:S3": 0.582,
   "s3_single": 0.944,
   "s3_single:S1": 0.944,
   "s3_single:S2": 0.693
  }
 },
 "counts": {
  "equipment_type": {
   "from_mode": [
    3,
    3
   ],
   "from_mode:S1": [
    3,
    3
   ],
   "head_multi": [
    73,
    81
   ],
   "head_multi:S1": [
    70,
    77
   ],
   "head_multi:S2": [
    2,
    3
   ],
   "head_multi:S3": [
    1,
    1
   ],
   "head_single": [
    159,
    163
   ],
   "head_single:S1": [
    144,
    148
   ],
   "head_single:S2": [
    9,
    9
   ],
   "head_single:S3": [
    6,
    6
   ],
   "history": [
    16,
    16
   ],
   "history:S2": [
    16,
    16
   ],
   "kks": [
    51,
    51
   ],
   "kks:S1": [
    51,
    51
   ],
   "none": [
    1,
    14
   ],
   "none:S1": [
    0,
    13
   ],
   "none:S3": [
    1,
    1
   ],
   "register": [
    1358,
    1369
   ],
   "register:S1": [
    1336,
    1346
   ],
   "register:S2": [
    3,
    3
   ],
   "register:S3": [
    19,
    20
   ],
   "s3_none": [
    3,
    3
   ],
   "s3_none:S3": [
    3,
    3
   ],
   "system_default": [
    10,
    15
   ],
   "system_default:S1": [
    10,
    15
   ]
  },
  "location": {
   "common+register": [
    2,
    2
   ],
   "common+single": [
    10,
    10
   ],
   "explicit+history": [
    1,
    1
   ],
   "explicit+kks": [
    63,
    63
   ],
   "explicit+multi": [
    1,
    1
   ],
   "explicit+none": [
    0,
    8
   ],
   "explicit+register": [
    1344,
    1345
   ],
   "explicit+single": [
    35,
    35
   ],
   "explicit+weak": [
    1,
    1
   ],
   "hash+history": [
    1,
    1
   ],
   "hash+single": [
    1,
    1
   ],
   "history+history": [
    18,
    18
   ],
   "history+register": [
    3,
    3
   ],
   "history+single": [
    1,
    1
   ],
   "none+history": [
    1,
    1
   ],
   "none+none": [
    1,
    11
   ],
   "none+register": [
    193,
    193
   ],
   "none+single": [
    19,
    19
   ],
   "none+weak": [
    0,
    1
   ]
  },
  "priority": {
   "context": [
    126,
    128
   ],
   "context:S1": [
    123,
    125
   ],
   "context:S2": [
    3,
    3
   ],
   "default": [
    582,
    583
   ],
   "default:S1": [
    582,
    583
   ],
   "explicit": [
    943,
    943
   ],
   "explicit:S1": [
    935,
    935
   ],
   "explicit:S2": [
    8,
    8
   ],
   "hazard": [
    10,
    10
   ],
   "hazard:S1": [
    10,
    10
   ],
   "history": [
    19,
    20
   ],
   "history:S2": [
    19,
    20
   ],
   "s3_null": [
    31,
    31
   ],
   "s3_null:S3": [
    31,
    31
   ]
  },
  "status_code": {
   "from_class": [
    4,
    4
   ],
   "from_class:S1": [
    4,
    4
   ],
   "from_context": [
    1,
    1
   ],
   "from_context:S1": [
    1,
    1
   ],
   "history": [
    20,
    20
   ],
   "history:S2": [
    20,
    20
   ],
   "none": [
    3,
    21
   ],
   "none:S1": [
    2,
    20
   ],
   "none:S2": [
    1,
    1
   ],
   "s1_single": [
    2,
    14
   ],
   "s1_single:S1": [
    2,
    14
   ],
   "s2_multi": [
    5,
    6
   ],
   "s2_multi:S1": [
    5,
    6
   ],
   "s2_single": [
    556,
    571
   ],
   "s2_single:S1": [
    553,
    568
   ],
   "s2_single:S2": [
    3,
    3
   ],
   "s3_multi": [
    20,
    22
   ],
   "s3_multi:S1": [
    19,
    21
   ],
   "s3_multi:S2": [
    1,
    1
   ],
   "s3_null": [
    28,
    28
   ],
   "s3_null:S3": [
    28,
    28
   ],
   "s3_s2_single": [
    1,
    1
   ],
   "s3_s2_single:S3": [
    1,
    1
   ],
   "s3_s3_single": [
    2,
    2
   ],
   "s3_s3_single:S3": [
    2,
    2
   ],
   "s3_single": [
    1001,
    1025
   ],
   "s3_single:S1": [
    995,
    1019
   ],
   "s3_single:S2": [
    6,
    6
   ]
  }
 },
 "method": "per evidence key: 0.97 * (right + 8.0 * 0.5) / (seen + 8.0) on the dev split, the shared sample and 1500 seeded work orders"
}
