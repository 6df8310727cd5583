// Package fips holds the lengths of FIPS codes: the one table the
// boundaries, the dataset and a user's sheet read codes by.
package fips

// Lengths of a code by the kind of place it names.
const (
	State  = 2  // a state, DC or Puerto Rico
	County = 5  // a county or county equivalent
	Place  = 7  // a Census place: a city or town
	Tract  = 11 // a Census tract
)
