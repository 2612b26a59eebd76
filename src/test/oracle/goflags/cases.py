import subprocess, json, os
env = dict(os.environ, PATH="/tmp/gooracle/bin:" + os.environ["PATH"])
cases = {
 "gotypes": [
  [], ["-b"], ["-b=true"], ["-b=false"], ["-b=0"], ["-b=F"], ["-b", "false"], ["--b"], ["-b=maybe"], ["-b="],
  ["-n", "5"], ["-n=5"], ["--n", "5"], ["--n=5"], ["-n", "0x1f"], ["-n", "0X1F"], ["-n", "0o17"], ["-n", "017"], ["-n", "0b101"],
  ["-n", "1_000"], ["-n", "0x_1f"], ["-n", "-3"], ["-n", "+3"], ["-n", "9223372036854775807"], ["-n", "9223372036854775808"],
  ["-n", "-9223372036854775808"], ["-n", "-9223372036854775809"], ["-n", "99999999999999999999x"], ["-n", "abc"], ["-n", "1__0"], ["-n", "_1"],
  ["-n", "1_"], ["-n", "0x"], ["-n", "08"], ["-n", ""], ["-n"], ["-n="], ["-n", "1.5"],
  ["-u", "18446744073709551615"], ["-u", "18446744073709551616"], ["-u", "-1"], ["-u", "+1"], ["-u", "0xffffffffffffffff"],
  ["-s", ""], ["-s=a=b"], ["-s", "-n"], ["-s", "-n", "-b"], ["-n", "a\tb\"c\\"], ["-n", "\u00e9\u0001\u007f\u200b"], ["-n", "\U0001F600"],
  ["-x"], ["-x=1"], ["-h"], ["-help"], ["--help"], ["-h=1"], ["---n"], ["-=x"], ["--=x"], ["-"], ["-", "-b"], ["--"], ["--", "-b"],
  ["a", "-b"], ["-b", "--", "-n", "5"], ["-b", "a", "-n", "5"], ["-verbose=false", "-n", "1", "-u", "2", "-s", "z"], ["-verbose", "false"],
 ],
 "smc-clc": [
  [], ["-f", "x.pcap", "-show-hex", "-pcap-promisc=false"], ["--f=x.pcap", "--show-timestamps=false", "-show-reserved"],
  ["-pcap-snaplen=65535", "-pcap-timeout", "10", "-pcap-maxpkts", "3", "-pcap-maxtime=0x10", "-pcap-filter", "tcp port 80"],
  ["-http", ":8000", "-i", "lo", "-json", "-w", "out.pcap", "extra"], ["-v", "-json=false"], ["-decap", "-f", "x.pcap"], ["-decap", "-vxlan-port", "65330,4000", "-f", "x.pcap"], ["-pcap-snaplen", "abc"], ["-h"], ["-unknown"], ["-f"],
 ],
}
out = []
for prog, lst in cases.items():
    for args in lst:
        r = subprocess.run([prog] + args, env=env, capture_output=True, text=True)
        out.append({"prog": prog, "args": args, "exit": r.returncode, "stdout": r.stdout, "stderr": r.stderr})
json.dump(out, open("/tmp/gooracle/results.json", "w"), indent=1, ensure_ascii=False)
print(len(out))
