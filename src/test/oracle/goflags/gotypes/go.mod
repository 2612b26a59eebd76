module oracle/gotypes
go 1.19
