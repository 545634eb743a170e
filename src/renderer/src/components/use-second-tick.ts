import { useEffect, useState } from 'react'

/** Re-renders every second while mounted: for live countdowns only (other times use `useNow`). */
export function useSecondTick(): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [])
  return now
}
