package main

import (
	"flag"
	"fmt"
)

func main() {
	b := flag.Bool("b", false, "a one-letter boolean")
	n := flag.Int("n", 7, "an int")
	u := flag.Uint("u", 0, "a uint")
	s := flag.String("s", "x \"y\"", "a string\nover two lines")
	v := flag.Bool("verbose", true, "a `long` boolean with a name")
	flag.Parse()
	fmt.Printf("b=%v n=%d u=%d s=%q verbose=%v rest=%q\n", *b, *n, *u, *s, *v, flag.Args())
}
