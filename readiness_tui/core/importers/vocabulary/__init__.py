"""The words of plans: header, status, priority and label words in the plan languages (``words``), status and
priority scales and checkbox marks (``statuses``), owner legends (``legends``), what a column header or ``Key:``
means (``headers``), the words a wait is stated with (``waits``), and estimates and dates (``dates``)."""
