package data

// EditDistance is the optimal string alignment distance (edits and swaps of
// neighbours), or limit+1 when it is more than limit.
func EditDistance(a, b []rune, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	n := len(b)
	prev2 := make([]int, n+1)
	prev := make([]int, n+1)
	cur := make([]int, n+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= n; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	if prev[n] > limit {
		return limit + 1
	}
	return prev[n]
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
