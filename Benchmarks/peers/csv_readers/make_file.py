"""Writes a 1e6-line penalties-shaped CSV (seed 1) to the path given."""
import random
import sys

random.seed(1)
with open(sys.argv[1], "w") as f:
    f.write("event_id,enterprise_id,domain,recorded_on,decided_on,decision_no,procedure,kinds,fine_cny,confiscated_cny,heavy,publicity_ended_on\n")
    for i in range(1000000):
        f.write(f'P{i:08d},91350100M000100Y43,food,2023-05-02,2023-05-01,"市监罚〔2023〕{i}号",ordinary,warning;fine,{random.randint(1,99999)}.50,0,no,\n')
