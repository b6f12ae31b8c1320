// gofile: os.WriteFile then os.ReadFile in the temp folder, then os.Remove.
package main

import (
	"fmt"
	"os"
	"path/filepath"
)

func main() {
	p := filepath.Join(os.TempDir(), "vinho-gofile.txt")
	data := []byte("written by go\nsecond line\n")
	if err := os.WriteFile(p, data, 0644); err != nil {
		fmt.Println("write:", err)
		os.Exit(1)
	}
	back, err := os.ReadFile(p)
	if err != nil {
		fmt.Println("read:", err)
		os.Exit(1)
	}
	fmt.Printf("read %d bytes, equal=%v\n", len(back), string(back) == string(data))
	st, err := os.Stat(p)
	if err != nil {
		fmt.Println("stat:", err)
		os.Exit(1)
	}
	fmt.Println("size:", st.Size())
	if err := os.Remove(p); err != nil {
		fmt.Println("remove:", err)
		os.Exit(1)
	}
	_, err = os.Stat(p)
	fmt.Println("gone:", os.IsNotExist(err))
}
