-- enum-type: ENUM and SET columns.

-- expect: enum-type
CREATE TABLE IF NOT EXISTS tickets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  status ENUM('open', 'pending', 'closed') NOT NULL DEFAULT 'open'
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- expect: enum-type
ALTER TABLE tickets ADD COLUMN channels SET('mail', 'phone', 'chat') NOT NULL DEFAULT 'mail';

-- near-miss: enum-type
CREATE TABLE IF NOT EXISTS ticket_statuses (
  code VARCHAR(20) NOT NULL PRIMARY KEY,
  label VARCHAR(100) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

-- near-miss: enum-type
SELECT t.id FROM tickets t WHERE t.status IN ('open', 'pending');
