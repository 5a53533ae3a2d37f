module bridgeway.test/shaper

go 1.26
