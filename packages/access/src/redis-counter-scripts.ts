/**
 * The Lua run by Redis for each check. Time comes from Redis (`TIME`), so every gateway instance
 * measures windows on the same clock; the check and the increments happen in one script, so two
 * instances can never both take the last unit. Bucket names are derived inside the script from
 * that clock, which ties these scripts to a single Redis (or one Cluster slot per key prefix).
 *
 * ARGV: leaseId, then per KEY: kind (s|f|c), limit (-1 = none), cost, windowMs.
 * Returns {1, bucket..., remaining..., resetMs...} or {0, index, remaining, resetMs}.
 */
export const reserveScript = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local lease = ARGV[1]
local n = #KEYS
local buckets, remaining, resets = {}, {}, {}
for i = 1, n do
  local base = (i - 1) * 4 + 1
  local kind = ARGV[base + 1]
  local limit = tonumber(ARGV[base + 2])
  local cost = tonumber(ARGV[base + 3])
  local win = tonumber(ARGV[base + 4])
  local key = KEYS[i]
  local used, reset = 0, win
  if kind == 's' then
    local idx = math.floor(now / win)
    key = KEYS[i] .. ':' .. idx
    local cur = tonumber(redis.call('GET', key) or '0')
    local prev = tonumber(redis.call('GET', KEYS[i] .. ':' .. (idx - 1)) or '0')
    used = cur + prev * (1 - (now - idx * win) / win)
    reset = (idx + 1) * win - now
  elseif kind == 'f' then
    used = tonumber(redis.call('GET', key) or '0')
    local ttl = redis.call('PTTL', key)
    if ttl > 0 then reset = ttl end
  else
    redis.call('ZREMRANGEBYSCORE', key, '-inf', now)
    used = redis.call('ZCARD', key)
  end
  if cost > 0 and limit >= 0 and used + cost > limit then
    return {0, i, math.max(0, math.floor(limit - used)), math.ceil(reset)}
  end
  buckets[i] = key
  if limit >= 0 then remaining[i] = math.max(0, math.floor(limit - used - cost)) else remaining[i] = -1 end
  resets[i] = math.ceil(reset)
end
for i = 1, n do
  local base = (i - 1) * 4 + 1
  local kind = ARGV[base + 1]
  local cost = tonumber(ARGV[base + 3])
  local win = tonumber(ARGV[base + 4])
  if kind == 'c' then
    redis.call('ZADD', buckets[i], now + win, lease)
    redis.call('PEXPIRE', buckets[i], win)
  elseif cost > 0 then
    redis.call('INCRBY', buckets[i], cost)
    if redis.call('PTTL', buckets[i]) < 0 then
      if kind == 's' then redis.call('PEXPIRE', buckets[i], 2 * win) else redis.call('PEXPIRE', buckets[i], win) end
    end
  end
end
local out = {1}
for i = 1, n do out[#out + 1] = buckets[i] end
for i = 1, n do out[#out + 1] = remaining[i] end
for i = 1, n do out[#out + 1] = resets[i] end
return out
`;

/**
 * Settles one request: adds each delta to the bucket it reserved in, creating it (with the given
 * lifetime) only for a positive delta, and drops the request's leases.
 * KEYS: buckets then concurrency keys; ARGV: leaseId, bucket count, then delta and ttlMs per bucket.
 */
export const settleScript = `
local lease = ARGV[1]
local nb = tonumber(ARGV[2])
local out = {}
for i = 1, nb do
  local delta = tonumber(ARGV[1 + 2 * i])
  local ttl = tonumber(ARGV[2 + 2 * i])
  if redis.call('EXISTS', KEYS[i]) == 0 and delta > 0 then
    redis.call('SET', KEYS[i], delta, 'PX', ttl)
    out[i] = delta
  elseif redis.call('EXISTS', KEYS[i]) == 1 then
    local v = redis.call('INCRBY', KEYS[i], delta)
    if v < 0 then redis.call('SET', KEYS[i], 0, 'KEEPTTL'); v = 0 end
    out[i] = v
  else
    out[i] = 0
  end
end
for i = nb + 1, #KEYS do redis.call('ZREM', KEYS[i], lease) end
return out
`;
