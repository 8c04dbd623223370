-- identifier-too-long: MySQL rejects names longer than 64 characters.

-- expect: identifier-too-long
CREATE TABLE IF NOT EXISTS customer_notes_written_by_support_staff_during_escalations_2024_q3 (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: identifier-too-long
ALTER TABLE customers ADD COLUMN `preferred_contact_channel_for_marketing_and_transactional_messages` VARCHAR(20) NULL;

-- exactly 64 characters
-- near-miss: identifier-too-long
CREATE TABLE IF NOT EXISTS customer_notes_written_by_support_staff_during_escalation_2024q3 (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
