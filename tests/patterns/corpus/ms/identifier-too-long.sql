-- identifier-too-long: SQL Server rejects names over 128 characters.
BEGIN TRANSACTION;

-- expect: identifier-too-long
CREATE TABLE dbo.Customer_Interaction_History_Including_Support_Tickets_Emails_Phone_Calls_And_Chat_Transcripts_Archived_From_The_Legacy_CRM_System (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY
);

-- exactly 128 characters
-- near-miss: identifier-too-long
CREATE TABLE dbo.Customer_Interaction_History_Including_Support_Tickets_Emails_Phone_Calls_And_Chat_Transcripts_Archived_From_The_Legacy_CRM_Syst (
	Id bigint IDENTITY(1, 1) NOT NULL PRIMARY KEY
);

COMMIT TRANSACTION;
