module oracle/smcclc
go 1.19
