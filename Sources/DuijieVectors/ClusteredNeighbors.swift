import DuijieBase

/// Approximate nearest neighbours of every row among all rows, for collections too large for
/// the exact all-pairs search: an inverted file (IVF) over spherical k-means clusters.
///
/// Rows (unit vectors) are clustered by k-means on cosine similarity (seeded start, a fixed
/// number of rounds). Each row is searched against the members of its `probes` nearest
/// clusters, exactly, by `DenseSimilarity`'s tiled `sgemm`; with about √n clusters the work is
/// O(probes · n^1.5 · d) instead of O(n² · d). Clusters are processed independently and merged
/// in a fixed order, so the result is the same for any thread count.
public enum ClusteredNeighbors {
    /// Each row's `k` most similar other rows (inner product), best first.
    ///
    /// - Parameters:
    ///   - vectors: n × d, rows normalized to unit length.
    ///   - k: Neighbours per row.
    ///   - clusters: Number of clusters (default √n).
    ///   - probes: Clusters searched per row.
    ///   - rounds: k-means rounds.
    ///   - seed: Seeds the choice of the first centroids.
    public static func neighbors(of vectors: DenseMatrix, k: Int, clusters: Int? = nil, probes: Int = 2, rounds: Int = 6,
                                 seed: UInt64 = 1, parallelism: Parallelism = .automatic) -> [[ScoredIndex]] {
        let n = vectors.rows
        let d = vectors.columns
        guard n > 1 else { return [[ScoredIndex]](repeating: [], count: n) }
        let clusterCount = max(1, min(n, clusters ?? Int(Double(n).squareRoot())))
        let probeCount = min(probes, clusterCount)
        // Seeded distinct rows as the first centroids.
        var random = SplitMix64(seed: seed)
        var picked = Set<Int>()
        var starts: [Int] = []
        while starts.count < clusterCount {
            let row = random.nextIndex(below: n)
            if picked.insert(row).inserted { starts.append(row) }
        }
        var centroids = DenseMatrix(rows: clusterCount, columns: d, elements: starts.flatMap { Array(vectors.elements[($0 * d)..<(($0 + 1) * d)]) })
        var nearest: [[ScoredIndex]] = []
        for round in 0...rounds {
            nearest = DenseSimilarity(vectors: centroids).topK(queries: vectors, k: probeCount, parallelism: parallelism)
            guard round < rounds else { break }
            // New centroids: the normalized mean of each cluster's rows (in row order); an empty
            // cluster keeps its centroid.
            var sums = [Float](repeating: 0, count: clusterCount * d)
            var sizes = [Int](repeating: 0, count: clusterCount)
            for row in 0..<n {
                guard let cluster = nearest[row].first.map({ Int($0.index) }) else { continue }
                sizes[cluster] += 1
                for column in 0..<d { sums[cluster * d + column] += vectors.elements[row * d + column] }
            }
            for cluster in 0..<clusterCount where sizes[cluster] > 0 {
                let span = (cluster * d)..<((cluster + 1) * d)
                let norm = sums[span].reduce(0) { $0 + $1 * $1 }.squareRoot()
                if norm > 0 { for position in span { centroids.elements[position] = sums[position] / norm } }
            }
        }
        // Members (by nearest cluster) and, per cluster, the rows that probe it.
        var members = [[Int]](repeating: [], count: clusterCount)
        var probing = [[Int]](repeating: [], count: clusterCount)
        for row in 0..<n {
            if let first = nearest[row].first { members[Int(first.index)].append(row) }
            for hit in nearest[row] { probing[Int(hit.index)].append(row) }
        }
        let memberLists = members
        let probeLists = probing
        let found = parallelism.mapChunks(count: clusterCount, minimumChunk: 1) { range in
            range.map { cluster -> [(row: Int, hits: [ScoredIndex])] in
                let memberRows = memberLists[cluster]
                let queryRows = probeLists[cluster]
                guard !memberRows.isEmpty, !queryRows.isEmpty else { return [] }
                let documents = DenseMatrix(rows: memberRows.count, columns: d, elements: memberRows.flatMap { Array(vectors.elements[($0 * d)..<(($0 + 1) * d)]) })
                let queries = DenseMatrix(rows: queryRows.count, columns: d, elements: queryRows.flatMap { Array(vectors.elements[($0 * d)..<(($0 + 1) * d)]) })
                let hits = DenseSimilarity(vectors: documents).topK(queries: queries, k: k + 1, parallelism: .serial)
                return zip(queryRows, hits).map { row, list in (row, list.map { ScoredIndex(index: Int32(memberRows[Int($0.index)]), score: $0.score) }) }
            }
        }.flatMap { $0 }
        var candidates = [[ScoredIndex]](repeating: [], count: n)
        for part in found { for entry in part { candidates[entry.row] += entry.hits } }
        return candidates.enumerated().map { row, list in
            var selector = TopKSelector(k: k)
            for hit in list where Int(hit.index) != row { selector.offer(hit) }
            return selector.sorted()
        }
    }
}
